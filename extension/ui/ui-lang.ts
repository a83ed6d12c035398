/** The UI language of this extension page (the locale the browser chose for it), for texts that come in en and zh. */
export const uiLang = (): 'en' | 'zh' =>
  typeof document !== 'undefined' && document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
