// Who "me" is. Three sources in order of reliability; none depends on label language:
// 1. #xUserInfo #xUserEmail, a hidden block Calendar renders for itself (≥2023 → 2025);
// 2. the Google bar's account button, whose localized label contains the address;
// 3. the popover's jslog `1:["<email>",1]` (only while a popover is open).
// The calendar part of an eid is never used: "@m" abbreviates any gmail.com address.

import { asAddress, findAddress } from './address';
import { readJslog } from './jslog';
import { ACCOUNT_BUTTON, DETAILS_ROOT, DIALOG, USER_EMAIL_ID, USER_INFO } from './selectors';

export function readSignedInUser(doc: Document): string | null {
  const userEmail = doc.getElementById(USER_EMAIL_ID);
  const fromUserInfo = userEmail?.closest(USER_INFO) ? asAddress(userEmail.textContent) : null;
  if (fromUserInfo) return fromUserInfo;

  for (const button of Array.from(doc.querySelectorAll(ACCOUNT_BUTTON))) {
    // Guest rows inside dialogs may also be labelled with addresses: only the page's own bar.
    if (button.closest(DIALOG)) continue;
    const address = findAddress(button.getAttribute('aria-label'));
    if (address) return address;
  }

  for (const root of Array.from(doc.querySelectorAll(DETAILS_ROOT))) {
    const address = readJslog(root.getAttribute('jslog')).userEmail;
    if (address) return address;
  }
  return null;
}
