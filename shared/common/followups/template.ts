import { applyGreetingAndSignOff } from '../style/apply';
import type { StyleProfile } from '../style/profile';

/**
 * The follow-up drafted without a generator: a short nudge that names the first message (its subject and day) and,
 * when the contact has an approved persona, one of their goals or pain points; the rep's greeting and sign-off.
 */
export interface FollowUpTemplateInput {
  language: 'en' | 'zh';
  recipientName: string | null;
  subject?: string;
  /** When the first message was sent, already formatted for the rep ("Mon, 30 Nov"). */
  sentOn: string;
  /** From the approved persona, when there is one. */
  focus?: string;
  profile: StyleProfile | null;
}

export function followUpTemplate(input: FollowUpTemplateInput): string {
  const { language, recipientName, subject, sentOn, focus, profile } = input;
  const name = recipientName ?? '';
  let text: string;
  if (language === 'zh') {
    const about = subject ? `关于「${subject}」` : '';
    text = [
      `${name ? `${name}，` : ''}您好！`,
      '',
      `${sentOn}我给您发过一封${about}的邮件，想跟进一下您的想法。${focus ? `考虑到您关注的「${focus}」，` : ''}如果方便的话，我们可以约一个简短的电话。`,
      '',
      '谢谢！',
    ].join('\n');
  } else {
    const about = subject ? ` about "${subject}"` : '';
    const why = focus ? ` Since ${focus} is on your list, it may be worth a quick look.` : '';
    text = [
      `Hi${name ? ` ${name}` : ''},`,
      '',
      `I wanted to follow up on my note from ${sentOn}${about}.${why} Would a short call next week work for you?`,
      '',
      'Best,',
    ].join('\n');
  }
  return profile ? applyGreetingAndSignOff(text, profile, recipientName) : text;
}
