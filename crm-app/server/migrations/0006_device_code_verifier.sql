-- Only the extension that asked for a code can redeem it: it sends the SHA-256 of a random verifier (base64url,
-- PKCE S256) when it asks, and the verifier itself at every poll. Codes issued before this step have none and
-- cannot be redeemed; they expire within ten minutes anyway.
ALTER TABLE device_codes ADD COLUMN code_challenge text CHECK (code_challenge ~ '^[A-Za-z0-9_-]{43}$');
-- Polls with a wrong verifier; the code is denied at the fifth.
ALTER TABLE device_codes ADD COLUMN failed_redeems integer NOT NULL DEFAULT 0 CHECK (failed_redeems >= 0);
