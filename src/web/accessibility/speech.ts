/**
 * Reads the main content aloud with the browser's own voices (Web Speech API). Text is spoken
 * block by block (headings, paragraphs, list items, table cells), because some engines stop a
 * long single utterance after about 15 seconds.
 */
export type SpeechProblem = 'unsupported' | 'no_voice';

/** The blocks of readable text inside `root`, in reading order, without hidden content. */
export function readableBlocks(root: HTMLElement): string[] {
  const blocks: string[] = [];
  const selector = 'h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption, blockquote';
  for (const element of root.querySelectorAll<HTMLElement>(selector)) {
    // Nested blocks (a <p> inside an <li>) are read once, with their parent.
    const parent = element.parentElement?.closest(selector);
    if (parent && root.contains(parent)) continue;
    if (element.closest('[aria-hidden="true"], .visually-hidden, [hidden]')) continue;
    const text = (element.innerText || element.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

async function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return now;
  // Voices load asynchronously in Chromium: wait for them a moment.
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    synth.addEventListener('voiceschanged', done);
    setTimeout(done, 1200);
  });
}

/** A voice for the language ('id' or 'en'), preferring the local ones; null when none. */
export function pickVoice(
  voices: readonly Pick<SpeechSynthesisVoice, 'lang' | 'localService'>[],
  lang: string,
): number | null {
  let best: number | null = null;
  voices.forEach((voice, index) => {
    const code = voice.lang.toLowerCase().replace('_', '-');
    if (code === lang || code.startsWith(`${lang}-`) || (lang === 'id' && code.startsWith('in-'))) {
      if (best === null || (voice.localService && !voices[best]!.localService)) best = index;
    }
  });
  return best;
}

/**
 * Starts reading; resolves with a problem when it cannot, else with null once speaking has
 * begun. `onEnd` is called when the last block has been read or reading was stopped.
 */
export async function speak(
  blocks: readonly string[],
  lang: 'id' | 'en',
  onEnd: () => void,
): Promise<SpeechProblem | null> {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return 'unsupported';
  const voices = await voicesOf(synth);
  const index = pickVoice(voices, lang);
  if (index === null) return 'no_voice';
  const voice = voices[index]!;
  synth.cancel();
  blocks.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    if (i === blocks.length - 1) {
      utterance.onend = onEnd;
      utterance.onerror = onEnd;
    }
    synth.speak(utterance);
  });
  if (blocks.length === 0) onEnd();
  return null;
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
}
