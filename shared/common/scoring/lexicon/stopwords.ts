/** Function words ignored when looking for overused words or persona-fact mentions. */
export const STOPWORDS_EN = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just let me more most my no nor not now of off on once only or other our
ours out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
yours you're we're i'm i'll we'll you'll it's that's there's don't can't won't let's i'd we'd you'd per via hi
hello thanks thank best regards cheers dear`.split(/\s+/),
);

export const STOPWORDS_ZH = new Set(
  `的 了 在 是 我 您 你 他 她 它 我们 你们 他们 和 与 及 或 也 都 就 还 又 再 已 已经 会 能 可以 要 想 请 这 那 这个 那个
一个 没有 不 很 吗 呢 吧 啊 为 给 对 向 从 把 被 让 用 到 于 等 个 家 位 名 些 之 而 并 但 如果 因为 所以 以及 非常 可能`.split(
    /\s+/,
  ),
);
