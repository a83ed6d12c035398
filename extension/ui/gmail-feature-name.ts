import { i18n } from '#i18n';
import type { FeatureCheck, GmailFeature } from '../hosts/gmail/types';

/** A Gmail adapter feature as a person would name it, in the interface language. */
export function featureName(feature: GmailFeature): string {
  switch (feature) {
    case 'thread':
      return i18n.t('gmail.feature.thread');
    case 'collapsed':
      return i18n.t('gmail.feature.collapsed');
    case 'quotedHistory':
      return i18n.t('gmail.feature.quotedHistory');
    case 'signature':
      return i18n.t('gmail.feature.signature');
    case 'compose':
      return i18n.t('gmail.feature.compose');
    case 'insert':
      return i18n.t('gmail.feature.insert');
    case 'sendDetection':
      return i18n.t('gmail.feature.sendDetection');
    case 'selfEmail':
      return i18n.t('gmail.feature.selfEmail');
  }
}

/**
 * The features the layout broke, named for a person. A feature off only because nothing is open for it (the inbox
 * has no conversation) is how Gmail normally looks, not a fault, and is left out.
 */
export function layoutFaults(checks: readonly Pick<FeatureCheck, 'feature' | 'ok' | 'idle'>[]): string[] {
  return checks.filter((c) => !c.ok && !c.idle).map((c) => featureName(c.feature));
}
