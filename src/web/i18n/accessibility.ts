/** Words of the accessibility toolbar (every page). Keys start with `a11y.`. */
export const a11yId = {
  'a11y.open': 'Aksesibilitas',
  'a11y.title': 'Alat aksesibilitas',
  'a11y.read': 'Bacakan halaman',
  'a11y.stopReading': 'Hentikan pembacaan',
  'a11y.speechUnsupported':
    'Browser ini tidak mendukung pembacaan teks. Coba Chrome, Edge atau Safari terbaru.',
  'a11y.noVoice':
    'Browser ini tidak memiliki suara Bahasa Indonesia. Pasang suara Bahasa Indonesia di pengaturan perangkat (Text-to-speech), atau coba Chrome di Android.',
  'a11y.textSize': 'Ukuran teks {percent}%',
  'a11y.zoomIn': 'Perbesar teks',
  'a11y.zoomOut': 'Perkecil teks',
  'a11y.grayscale': 'Skala abu-abu',
  'a11y.negative': 'Kontras negatif',
  'a11y.readableFont': 'Huruf mudah dibaca',
  'a11y.reset': 'Atur ulang',
} as const satisfies Record<`a11y.${string}`, string>;

export const a11yEn: Record<keyof typeof a11yId, string> = {
  'a11y.open': 'Accessibility',
  'a11y.title': 'Accessibility tools',
  'a11y.read': 'Read the page aloud',
  'a11y.stopReading': 'Stop reading',
  'a11y.speechUnsupported':
    'This browser cannot read text aloud. Try a recent Chrome, Edge or Safari.',
  'a11y.noVoice':
    'This browser has no voice for this language. Install one in the device settings (text-to-speech), or try Chrome on Android.',
  'a11y.textSize': 'Text size {percent}%',
  'a11y.zoomIn': 'Larger text',
  'a11y.zoomOut': 'Smaller text',
  'a11y.grayscale': 'Grayscale',
  'a11y.negative': 'Negative contrast',
  'a11y.readableFont': 'Readable font',
  'a11y.reset': 'Reset',
};
