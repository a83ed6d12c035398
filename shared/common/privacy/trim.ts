/**
 * Prefixes of a grouped match, longest first, cut at group separators: "4111 1111 1111 1111 12" also yields
 * "4111 1111 1111 1111". Lets a greedy match that swallowed a neighbouring number still be validated.
 */
export function groupPrefixes(match: string, separators: RegExp): string[] {
  const cuts: number[] = [];
  for (let i = 0; i < match.length; i++) if (separators.test(match[i] ?? '')) cuts.push(i);
  return [match, ...cuts.reverse().map((c) => match.slice(0, c))];
}
