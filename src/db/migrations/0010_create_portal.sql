-- The public portal and its CMS (docs/portal.md): content items (news, pages, knowledge
-- products, good practices, events) with a draft/published state and a history of revisions,
-- and the files (images, PDFs) they use, stored in the database. Bodies are sanitised HTML;
-- every other text column is plain text.

create table content_file (
  id uuid primary key,
  name text not null check (name ~ '^[A-Za-z0-9._-]{1,120}$'),   -- cleaned on upload
  mime text not null check (mime in ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
  size integer not null check (size > 0 and size <= 20971520),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea not null,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id)
);

create index content_file_created_idx on content_file (created_at);

create table content_item (
  id uuid primary key,
  kind text not null check (kind in ('news', 'page', 'knowledge', 'practice', 'event')),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  status text not null default 'draft' check (status in ('draft', 'published')),
  title text not null check (length(title) between 1 and 200),
  summary text not null default '' check (length(summary) <= 500),
  body_html text not null default '' check (length(body_html) <= 200000),
  tags text[] not null default '{}' check (cardinality(tags) <= 12),
  author text not null default '' check (length(author) <= 120),
  cover_file_id uuid references content_file (id),
  document_file_id uuid references content_file (id),
  document_type text
    check (document_type in ('laporan', 'pedoman', 'regulasi', 'kajian', 'infografis', 'lainnya')),
  region_code text references region (code),
  intervention_type text check (intervention_type in
    ('gizi_spesifik', 'gizi_sensitif', 'konvergensi', 'pendampingan_keluarga', 'sanitasi', 'lainnya')),
  event_start date,
  event_end date,
  location text not null default '' check (length(location) <= 200),
  published_at timestamptz,                 -- first publication; kept when unpublished
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  updated_by uuid references app_user (id),
  version integer not null default 1 check (version >= 1),
  unique (kind, slug),
  check (status = 'draft' or published_at is not null),
  check (event_end is null or event_start is null or event_end >= event_start),
  -- what a kind needs before it can be published
  check (status = 'draft' or kind <> 'knowledge' or document_file_id is not null),
  check (status = 'draft' or kind <> 'event' or event_start is not null),
  check (status = 'draft' or kind <> 'practice' or region_code is not null)
);

create index content_item_public_idx on content_item (kind, published_at desc) where status = 'published';
create index content_item_tags_idx on content_item using gin (tags);

-- Every saved state of an item (the editors' undo): the snapshot is the item's fields as JSON.
create table content_revision (
  item_id uuid not null,                    -- no reference: revisions outlive a deleted item
  version integer not null,
  action text not null check (action in ('create', 'update', 'publish', 'unpublish', 'restore')),
  snapshot jsonb not null,
  actor_id uuid references app_user (id),
  at timestamptz not null default now(),
  primary key (item_id, version)
);
