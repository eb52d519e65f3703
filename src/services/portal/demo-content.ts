/**
 * Demo content of the portal (docs/portal.md): when demo data is enabled and the portal is empty,
 * a Pokja profile, news, knowledge products, good practices and events about the synthetic demo
 * province. Made-up text and people; every file is generated here.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { DEMO_DATASET_SETTING, readAppSetting } from '../../db/queries/demo.ts';
import { insertContentFile, insertContentItem, insertRevision } from '../../db/queries/portal.ts';
import { findChildRegions, findRegion } from '../../db/queries/regions.ts';
import type { ContentItemRow, NewContentItem } from '../../db/types.ts';
import { gradientPng, simplePdf } from './demo-assets.ts';
import { snapshotOf } from './items.ts';
import { fileUrl } from './present.ts';
import { sanitizeBody } from './sanitize.ts';

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

type Rgb = readonly [number, number, number];
const palettes: [Rgb, Rgb][] = [
  [
    [11, 110, 79],
    [242, 169, 0],
  ],
  [
    [20, 90, 140],
    [120, 200, 180],
  ],
  [
    [160, 60, 40],
    [250, 200, 120],
  ],
  [
    [70, 40, 120],
    [200, 160, 230],
  ],
  [
    [30, 120, 60],
    [220, 230, 140],
  ],
];

/**
 * Seeds the demo content unless the portal already has an item. Returns how many items were
 * stored (0 when skipped).
 */
export async function seedPortalContentIfEmpty(
  db: Db,
  options: { now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const existing = await db.selectFrom('content_item').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const demo = (await readAppSetting(db, DEMO_DATASET_SETTING)) as
    { province?: unknown } | undefined;
  const provinceCode = typeof demo?.province === 'string' ? demo.province : '53';
  const province = await findRegion(db, provinceCode);
  const kabupaten = (await findChildRegions(db, provinceCode)).slice(0, 3);
  const provinceName = province?.name ?? `Provinsi ${provinceCode}`;

  return db.transaction().execute(async (trx) => {
    const file = async (name: string, mime: 'image/png' | 'application/pdf', bytes: Buffer) =>
      insertContentFile(trx, {
        id: randomUUID(),
        name,
        mime,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        created_by: null,
      });
    const cover = (i: number, name: string) => {
      const [from, to] = palettes[i % palettes.length]!;
      return file(name, 'image/png', gradientPng(480, 270, from, to));
    };

    let stored = 0;
    const item = async (
      row: Omit<NewContentItem, 'id' | 'status' | 'published_at'> & {
        publishedAt: Date | null;
      },
    ): Promise<ContentItemRow> => {
      const { publishedAt, ...rest } = row;
      const inserted = await insertContentItem(trx, {
        ...rest,
        id: randomUUID(),
        body_html: sanitizeBody(String(rest.body_html ?? '')),
        status: publishedAt ? 'published' : 'draft',
        published_at: publishedAt,
        created_at: publishedAt ?? now,
        updated_at: publishedAt ?? now,
      });
      await insertRevision(trx, {
        itemId: inserted.id,
        version: 1,
        action: 'create',
        snapshot: snapshotOf(inserted),
        actorId: null,
      });
      stored += 1;
      return inserted;
    };

    // ── Profil Pokja ──
    await item({
      kind: 'page',
      slug: 'profil-pokja',
      title: 'Profil Tim Percepatan Penurunan Stunting (TPPS)',
      summary: `Latar belakang, mandat, susunan keanggotaan dan dasar hukum TPPS ${provinceName} (data demo).`,
      author: 'Sekretariat TPPS',
      body_html: `
<p><em>Konten contoh untuk provinsi demo: nama jabatan dan susunan di bawah ini rekaan.</em></p>
<h2>Latar belakang</h2>
<p>Stunting masih menjadi tantangan pembangunan di ${provinceName}. Tim Percepatan Penurunan Stunting (TPPS) dibentuk untuk menyatukan program gizi spesifik dan gizi sensitif lintas perangkat daerah, kabupaten/kota, desa, dan mitra pembangunan, dengan data yang dapat dipantau bersama.</p>
<h2>Mandat</h2>
<ul>
<li>Mengoordinasikan, menyinergikan, dan mengevaluasi penyelenggaraan percepatan penurunan stunting.</li>
<li>Memastikan intervensi sampai pada keluarga berisiko stunting melalui pendampingan keluarga.</li>
<li>Menyajikan data stunting serta kematian ibu dan bayi secara terbuka kepada masyarakat.</li>
</ul>
<h2>Susunan keanggotaan</h2>
<table>
<thead><tr><th>Kedudukan</th><th>Unsur</th></tr></thead>
<tbody>
<tr><td>Pengarah</td><td>Gubernur</td></tr>
<tr><td>Ketua Pelaksana</td><td>Wakil Gubernur</td></tr>
<tr><td>Sekretaris</td><td>Kepala Bappeda</td></tr>
<tr><td>Bidang Intervensi Spesifik</td><td>Dinas Kesehatan</td></tr>
<tr><td>Bidang Intervensi Sensitif</td><td>Dinas PUPR, Dinas Sosial, Dinas Pemberdayaan Masyarakat dan Desa</td></tr>
<tr><td>Bidang Pendampingan Keluarga</td><td>Perwakilan BKKBN</td></tr>
<tr><td>Bidang Data dan Pemantauan</td><td>Dinas Komunikasi dan Informatika</td></tr>
</tbody>
</table>
<h2>Dasar hukum</h2>
<ol>
<li>Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting.</li>
<li>Peraturan BKKBN Nomor 12 Tahun 2021 tentang Rencana Aksi Nasional Percepatan Penurunan Angka Stunting Indonesia (RAN-PASTI).</li>
<li>Keputusan Gubernur tentang Tim Percepatan Penurunan Stunting Provinsi (contoh).</li>
</ol>`,
      tags: [],
      publishedAt: new Date('2025-01-06T02:00:00Z'),
      created_by: null,
      updated_by: null,
    });

    // ── news ──
    const news = [
      [
        'Rembuk Stunting Provinsi 2025 Sepakati Delapan Aksi Konvergensi',
        '2025-02-12',
        ['rembuk-stunting', 'konvergensi'],
        'Perangkat daerah, kabupaten/kota dan mitra menyepakati aksi konvergensi dan lokasi fokus tahun 2025.',
      ],
      [
        'Bulan Penimbangan Balita: Cakupan Penimbangan Naik di Semua Kabupaten',
        '2025-03-20',
        ['posyandu', 'penimbangan'],
        'Kader posyandu menimbang dan mengukur balita serentak; data langsung masuk ke sistem.',
      ],
      [
        'Pelatihan Kader Posyandu tentang Pengukuran Panjang Badan yang Tepat',
        '2025-05-08',
        ['kader', 'pelatihan'],
        'Seratus dua puluh kader berlatih memakai papan ukur dan membaca grafik pertumbuhan.',
      ],
      [
        'Audit Maternal Perinatal: Belajar dari Setiap Kematian Ibu dan Bayi',
        '2025-08-14',
        ['aki-akb', 'amp-sr'],
        'Tim AMP-SR kabupaten membahas penyebab yang dapat dicegah dan menindaklanjuti rekomendasi.',
      ],
      [
        'Dapur Sehat Atasi Stunting Hadir di Desa Lokasi Fokus',
        '2025-10-30',
        ['gizi', 'desa'],
        'Desa menyediakan makanan tambahan bergizi berbahan pangan lokal bagi balita dan ibu hamil.',
      ],
    ] as const;
    for (const [i, [title, date, tags, summary]] of news.entries()) {
      const img = await cover(i, `berita-${i + 1}.png`);
      await item({
        kind: 'news',
        slug: `berita-demo-${i + 1}`,
        title,
        summary,
        author: 'Humas TPPS',
        tags: [...tags],
        cover_file_id: img.id,
        body_html: `<p>${summary}</p><p><img src="${fileUrl(img)}" alt="Ilustrasi berita" width="480" height="270" /></p><p>Kegiatan ini bagian dari rencana aksi percepatan penurunan stunting ${provinceName}. Angka yang disebut pada portal demo berasal dari data sintetis.</p><blockquote>Setiap balita yang diukur dengan benar adalah langkah menuju intervensi yang tepat sasaran.</blockquote>`,
        publishedAt: new Date(`${date}T03:00:00Z`),
        created_by: null,
        updated_by: null,
      });
    }
    await item({
      kind: 'news',
      slug: 'berita-demo-draf',
      title: 'Draf: Evaluasi Semester II Aksi Konvergensi',
      summary: 'Masih disunting.',
      tags: ['konvergensi'],
      body_html: '<p>Draf berita yang belum terbit.</p>',
      publishedAt: null,
      created_by: null,
      updated_by: null,
    });

    // ── knowledge ──
    const knowledge = [
      [
        'Laporan Tahunan Percepatan Penurunan Stunting 2024',
        'laporan',
        'Capaian indikator, anggaran dan pembelajaran pelaksanaan tahun 2024.',
      ],
      [
        'Pedoman Pengukuran Antropometri di Posyandu',
        'pedoman',
        'Langkah menimbang dan mengukur balita serta mencatat hasilnya.',
      ],
      [
        'Kajian Determinan Stunting di Desa Lokasi Fokus',
        'kajian',
        'Faktor sanitasi, pola asuh dan akses layanan di desa lokasi fokus.',
      ],
    ] as const;
    for (const [i, [title, type, summary]] of knowledge.entries()) {
      const pdf = await file(
        `dokumen-demo-${i + 1}.pdf`,
        'application/pdf',
        simplePdf(title, [
          `${provinceName} - dokumen contoh (data demo).`,
          summary,
          'Portal Tumbuh.',
        ]),
      );
      await item({
        kind: 'knowledge',
        slug: `pengetahuan-demo-${i + 1}`,
        title,
        summary,
        author: 'Sekretariat TPPS',
        tags: ['dokumen', type],
        document_file_id: pdf.id,
        document_type: type,
        body_html: `<p>${summary}</p><p>Unduh dokumen PDF untuk membaca selengkapnya.</p>`,
        publishedAt: new Date(Date.UTC(2025, 3 + i * 3, 10, 3)),
        created_by: null,
        updated_by: null,
      });
    }

    // ── good practices ──
    const practices = [
      [
        'Kelas Ibu Balita Bergilir di Setiap Dusun',
        'pendampingan_keluarga',
        'Bidan desa dan kader membuka kelas ibu balita bergiliran agar tidak ada keluarga yang tertinggal.',
      ],
      [
        'Jamban Sehat untuk Keluarga Berisiko Stunting',
        'sanitasi',
        'Dana desa dipakai membangun jamban sehat bagi keluarga dengan balita berisiko.',
      ],
      [
        'Data Posyandu Menjadi Dasar Rembuk Desa',
        'konvergensi',
        'Hasil penimbangan bulanan dibahas dalam rembuk desa untuk menentukan sasaran bantuan.',
      ],
    ] as const;
    for (const [i, [title, intervention, summary]] of practices.entries()) {
      const region = kabupaten[i % Math.max(1, kabupaten.length)];
      const img = await cover(i + 2, `praktik-${i + 1}.png`);
      await item({
        kind: 'practice',
        slug: `praktik-baik-demo-${i + 1}`,
        title,
        summary,
        author: region ? `TPPS ${region.name}` : 'TPPS',
        tags: ['praktik-baik'],
        cover_file_id: img.id,
        region_code: region?.code ?? provinceCode,
        intervention_type: intervention,
        body_html: `<p>${summary}</p><h3>Yang dilakukan</h3><ul><li>Menetapkan sasaran dari data posyandu.</li><li>Membagi peran antara desa, puskesmas dan kader.</li><li>Memantau hasil setiap bulan.</li></ul><h3>Hasil</h3><p>Cakupan layanan meningkat dan keluarga sasaran lebih mudah dijangkau (contoh, data demo).</p>`,
        publishedAt: new Date(Date.UTC(2025, 5 + i * 2, 2, 3)),
        created_by: null,
        updated_by: null,
      });
    }

    // ── events: two upcoming, one past ──
    const events = [
      ['Rembuk Stunting Provinsi', 21, 'Aula Kantor Gubernur'],
      ['Pelatihan Pengelola Data Posyandu', 45, 'Balai Pelatihan Kesehatan'],
      ['Lokakarya Evaluasi AMP-SR', -30, 'Ruang Rapat Dinas Kesehatan'],
    ] as const;
    for (const [i, [title, offsetDays, location]] of events.entries()) {
      const start = new Date(now.getTime() + offsetDays * DAY);
      await item({
        kind: 'event',
        slug: `agenda-demo-${i + 1}`,
        title,
        summary: `${title} ${provinceName} (agenda contoh).`,
        tags: ['agenda'],
        event_start: isoDate(start),
        event_end: isoDate(new Date(start.getTime() + DAY)),
        location,
        body_html: `<p>${title} diikuti perangkat daerah, kabupaten/kota dan mitra.</p>`,
        publishedAt: new Date(now.getTime() - (60 - i) * DAY),
        created_by: null,
        updated_by: null,
      });
    }
    return stored;
  });
}
