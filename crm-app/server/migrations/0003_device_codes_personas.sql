-- Extension sign-in by device code (RFC 8628 style), OAuth states bound to a device code, and the full persona
-- (each field with confidence, source and last update) kept next to the HubSpot properties Closer wrote.

CREATE TABLE device_codes (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- SHA-256 of the device code: only the extension holds the code itself.
  device_code_hash bytea NOT NULL UNIQUE,
  -- Shown to the person (ABCD-EFGH); rows are purged a day after expiry, so reuse stays possible.
  user_code        text NOT NULL UNIQUE CHECK (user_code ~ '^[A-Z]{4}-[A-Z]{4}$'),
  client_name      text CHECK (length(client_name) <= 100),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied', 'redeemed')),
  portal_id        bigint REFERENCES portals (portal_id) ON DELETE CASCADE,
  user_id          text CHECK (length(user_id) BETWEEN 1 AND 200),
  expires_at       timestamptz NOT NULL,
  last_polled_at   timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  decided_at       timestamptz,
  redeemed_at      timestamptz,
  CHECK (status NOT IN ('approved', 'redeemed') OR (portal_id IS NOT NULL AND user_id IS NOT NULL))
);
CREATE INDEX device_codes_expires_idx ON device_codes (expires_at);

-- An install started from /connect approves that device code when HubSpot redirects back.
ALTER TABLE oauth_states ADD COLUMN device_code_id bigint REFERENCES device_codes (id) ON DELETE CASCADE;

-- The synced persona as the extension approved it, merged per field (newest approval of a field wins), for the card.
ALTER TABLE contact_personas ADD COLUMN persona jsonb;
