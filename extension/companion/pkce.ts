/**
 * PKCE (RFC 7636, S256) for the device sign-in: the extension keeps a random verifier and sends only its hash when it
 * asks for a code, so whoever else learns the device code cannot redeem it.
 */

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** 32 random bytes as a 43-character verifier, and its S256 challenge. */
export async function newPkcePair(): Promise<{ codeVerifier: string; codeChallenge: string }> {
  const codeVerifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { codeVerifier, codeChallenge: await codeChallengeOf(codeVerifier) };
}
