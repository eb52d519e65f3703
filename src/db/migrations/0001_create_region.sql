-- Kode wilayah (Kemendagri): every province, kabupaten/kota, kecamatan and desa/kelurahan.
-- The code is hierarchical (its prefix is its parent); search keys are folded names for search.
create table region (
  code text primary key check (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{4})?)?)?$'),
  name text not null check (length(name) between 1 and 200),
  level text not null check (level in ('provinsi', 'kabupaten', 'kecamatan', 'desa')),
  parent_code text references region (code),
  type text check (type in ('kabupaten', 'kota', 'desa', 'kelurahan', 'desa_adat')),
  search_key text not null,
  loose_key text not null,
  check ((level = 'provinsi') = (parent_code is null)),
  check (parent_code is null or code like parent_code || '%')
);

create index region_parent_code_idx on region (parent_code);
create index region_search_key_idx on region (search_key text_pattern_ops);
