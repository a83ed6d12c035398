-- The team catalogue (products and content for recommendations), shared by the reps of a portal through the
-- extension. Team data, never mail. Deletions stay as rows (deleted = true, content cleared) so other devices learn
-- of them when they pull changes.

CREATE TABLE team_catalogue (
  portal_id   bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  item_id     text NOT NULL CHECK (length(item_id) BETWEEN 1 AND 128),
  kind        text CHECK (kind IN ('product', 'content')),
  name        text CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 5000),
  tags        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
  url         text CHECK (length(url) <= 2000),
  -- When the editing device changed the item: the newer write wins (last writer wins), an older one is ignored.
  updated_at  timestamptz NOT NULL,
  -- The rep whose extension token delivered the winning write.
  updated_by  text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 200),
  deleted     boolean NOT NULL DEFAULT false,
  -- When this server stored the change (the `since` of a pull compares with this, not with a device's clock).
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (portal_id, item_id),
  -- A live item has its content; a deleted one keeps none of it.
  CONSTRAINT team_catalogue_content CHECK (
    (deleted AND kind IS NULL AND name IS NULL AND description IS NULL AND url IS NULL AND tags = '[]')
    OR (NOT deleted AND kind IS NOT NULL AND name IS NOT NULL AND description IS NOT NULL)
  )
);
-- Pulls: a portal's changes since a time, in order.
CREATE INDEX team_catalogue_changes_idx ON team_catalogue (portal_id, changed_at, item_id);
