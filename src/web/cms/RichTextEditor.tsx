/**
 * A small rich-text editor without a library: a contentEditable area and a toolbar for bold,
 * italic, H2, H3, lists, links and uploaded images, plus an "HTML" source view. The browser's
 * editing commands do the work; what they produce is sent as HTML and sanitised by the server
 * (allow-list), so this editor only has to keep its own page safe while the body is edited:
 * HTML typed in the source view is parsed inertly and stripped of scripts and handlers before it
 * enters the live area.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { FieldError } from '../components/FieldError.tsx';
import { useT, type MessageKey } from '../i18n/language.ts';
import { UploadProgress, useUpload } from './FileField.tsx';
import { imageHtml, linkHtml, safeLinkUrl, type BlockFormat } from './helpers.ts';

const dropped = 'script,style,iframe,object,embed,link,meta,base,form,input,button,textarea,select';

/** The HTML without what could run in the editor's page (the server sanitises it properly). */
function inertHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.body.querySelectorAll(dropped)) node.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (
        name.startsWith('on') ||
        name === 'style' ||
        name === 'srcdoc' ||
        ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') &&
          /^(javascript|data|vbscript):/.test(value.replace(/[\s\p{Cc}]/gu, '')))
      )
        el.removeAttribute(attr.name);
    }
  }
  return doc.body.innerHTML;
}

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

/** The formatting buttons: what they show, the state that presses them, what they do. */
const formatTools: ({
  state: string;
  title: MessageKey;
  label: ReactNode;
} & ({ command: Command } | { block: BlockFormat }))[] = [
  { state: 'bold', title: 'cms.toolBold', label: <b>B</b>, command: 'bold' },
  { state: 'italic', title: 'cms.toolItalic', label: <i>I</i>, command: 'italic' },
  { state: 'h2', title: 'cms.toolH2', label: 'H2', block: 'h2' },
  { state: 'h3', title: 'cms.toolH3', label: 'H3', block: 'h3' },
  {
    state: 'insertUnorderedList',
    title: 'cms.toolBullets',
    label: '•',
    command: 'insertUnorderedList',
  },
  {
    state: 'insertOrderedList',
    title: 'cms.toolNumbers',
    label: '1.',
    command: 'insertOrderedList',
  },
];

type Panel = 'link' | 'image' | null;

interface RichTextEditorProps {
  /** id of the editable area (its label points at it). */
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  describedBy?: string | undefined;
}

function exec(command: string, argument?: string): void {
  // execCommand is the only built-in way to edit a contentEditable with undo history intact.
  document.execCommand(command, false, argument);
}

function currentBlock(): string {
  return String(document.queryCommandValue('formatBlock') || '').toLowerCase();
}

export function RichTextEditor({ id, label, value, onChange, describedBy }: RichTextEditorProps) {
  const t = useT();
  const ids = useId();
  const area = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const saved = useRef<Range | null>(null);
  const [source, setSource] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [states, setStates] = useState<Record<string, boolean>>({});
  const [linkUrl, setLinkUrl] = useState('');
  const [linkError, setLinkError] = useState<string | undefined>();
  const [alt, setAlt] = useState('');
  const [imageFile, setImageFile] = useState<File | null>(null);
  const image = useUpload();

  // Outside changes (load, restore, the source view) replace the content; own typing does not.
  useEffect(() => {
    const el = area.current;
    if (!el || source) return;
    if (value !== emitted.current) {
      el.innerHTML = inertHtml(value);
      emitted.current = value;
    }
  }, [value, source]);

  useEffect(() => {
    function update() {
      const el = area.current;
      const selection = document.getSelection();
      if (!el || !selection?.anchorNode || !el.contains(selection.anchorNode)) return;
      const block = currentBlock();
      setStates({
        bold: document.queryCommandState('bold'),
        italic: document.queryCommandState('italic'),
        insertUnorderedList: document.queryCommandState('insertUnorderedList'),
        insertOrderedList: document.queryCommandState('insertOrderedList'),
        h2: block === 'h2',
        h3: block === 'h3',
      });
    }
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  function emit() {
    const el = area.current;
    if (!el) return;
    const html = el.innerHTML;
    emitted.current = html;
    onChange(html);
  }

  /** Typing into an empty area would leave bare text: start it with a paragraph. */
  function startParagraph() {
    exec('defaultParagraphSeparator', 'p');
    const el = area.current;
    if (!el || el.innerHTML.trim() !== '') return;
    el.innerHTML = '<p><br></p>';
    const selection = document.getSelection();
    if (selection && el.firstChild) {
      selection.removeAllRanges();
      const range = document.createRange();
      range.setStart(el.firstChild, 0);
      range.collapse(true);
      selection.addRange(range);
    }
  }

  function remember() {
    const el = area.current;
    const selection = document.getSelection();
    if (el && selection && selection.rangeCount > 0 && el.contains(selection.anchorNode))
      saved.current = selection.getRangeAt(0).cloneRange();
    else saved.current = null;
  }

  /** Focuses the area with the selection it had before a panel took focus. */
  function restore() {
    const el = area.current;
    if (!el) return;
    el.focus();
    const selection = document.getSelection();
    if (saved.current && selection) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    } else if (selection) {
      selection.selectAllChildren(el);
      selection.collapseToEnd();
    }
  }

  function run(command: Command) {
    area.current?.focus();
    exec(command);
    emit();
  }

  function block(format: BlockFormat) {
    area.current?.focus();
    exec('formatBlock', currentBlock() === format ? '<p>' : `<${format}>`);
    emit();
  }

  function openPanel(which: Exclude<Panel, null>) {
    remember();
    setPanel(which);
    setLinkError(undefined);
    image.clearError();
    if (which === 'link') {
      const selected = document.getSelection()?.anchorNode?.parentElement?.closest('a');
      setLinkUrl(selected?.getAttribute('href') ?? '');
    }
  }

  function closePanel() {
    setPanel(null);
    restore();
  }

  function insertLink() {
    const url = safeLinkUrl(linkUrl);
    if (!url) {
      setLinkError(t('cms.linkInvalid'));
      return;
    }
    setPanel(null);
    restore();
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) exec('createLink', url);
    else exec('insertHTML', linkHtml(url, ''));
    emit();
    setLinkUrl('');
  }

  function removeLink() {
    setPanel(null);
    restore();
    exec('unlink');
    emit();
  }

  async function insertImage() {
    if (!imageFile) {
      setLinkError(t('cms.imageChoose'));
      return;
    }
    setLinkError(undefined);
    const stored = await image.upload(imageFile);
    if (!stored) return;
    setPanel(null);
    restore();
    exec('insertHTML', imageHtml(stored.url, alt.trim()));
    emit();
    setAlt('');
    setImageFile(null);
  }

  function toggleSource() {
    if (source) {
      const clean = inertHtml(value);
      emitted.current = null; // let the effect write it into the area
      onChange(clean);
    }
    setPanel(null);
    setSource(!source);
  }

  function onPanelKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      closePanel();
    }
  }

  return (
    <div className="field cms-rte-field">
      <span className="cms-label" id={`${ids}-label`}>
        {label}
      </span>
      <div className="cms-rte">
        <div role="toolbar" aria-label={t('cms.toolbar')} className="cms-toolbar">
          {formatTools.map((tool) => (
            <ToolButton
              key={tool.state}
              title={t(tool.title)}
              off={source}
              pressed={!!states[tool.state]}
              onPress={() => ('block' in tool ? block(tool.block) : run(tool.command))}
            >
              {tool.label}
            </ToolButton>
          ))}
          <ToolButton title={t('cms.toolLink')} off={source} onPress={() => openPanel('link')}>
            {t('cms.toolLinkShort')}
          </ToolButton>
          <ToolButton title={t('cms.toolImage')} off={source} onPress={() => openPanel('image')}>
            {t('cms.toolImageShort')}
          </ToolButton>
          <button
            type="button"
            className="cms-tool cms-tool-source"
            aria-pressed={source}
            onClick={toggleSource}
          >
            HTML
          </button>
        </div>

        {panel === 'link' && (
          <div
            className="cms-panel"
            role="group"
            aria-label={t('cms.toolLink')}
            onKeyDown={onPanelKey}
          >
            <div className="field">
              <label htmlFor={`${ids}-url`}>{t('cms.linkUrl')}</label>
              <input
                id={`${ids}-url`}
                type="text"
                inputMode="url"
                autoFocus
                value={linkUrl}
                aria-describedby={`${ids}-url-error`}
                aria-invalid={linkError ? true : undefined}
                onChange={(e) => setLinkUrl(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    insertLink();
                  }
                }}
                placeholder="https://"
              />
              <FieldError id={`${ids}-url-error`} text={linkError} />
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button-primary button-small"
                onClick={insertLink}
              >
                {t('cms.linkInsert')}
              </button>
              <button type="button" className="button button-small" onClick={removeLink}>
                {t('cms.linkRemove')}
              </button>
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={closePanel}
              >
                {t('cms.cancel')}
              </button>
            </div>
          </div>
        )}

        {panel === 'image' && (
          <div
            className="cms-panel"
            role="group"
            aria-label={t('cms.toolImage')}
            onKeyDown={onPanelKey}
          >
            <div className="field">
              <label htmlFor={`${ids}-img`}>{t('cms.imageFile')}</label>
              <p className="hint" id={`${ids}-img-hint`}>
                {t('cms.imageHint')}
              </p>
              <input
                id={`${ids}-img`}
                type="file"
                accept="image/png,image/jpeg,image/webp"
                autoFocus
                aria-describedby={`${ids}-img-hint ${ids}-img-error`}
                aria-invalid={image.error || linkError ? true : undefined}
                onChange={(e) => {
                  setImageFile(e.target.files?.[0] ?? null);
                  image.clearError();
                  setLinkError(undefined);
                }}
              />
              <FieldError id={`${ids}-img-error`} text={image.error ?? linkError} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-alt`}>{t('cms.imageAlt')}</label>
              <p className="hint" id={`${ids}-alt-hint`}>
                {t('cms.imageAltHint')}
              </p>
              <input
                id={`${ids}-alt`}
                type="text"
                value={alt}
                aria-describedby={`${ids}-alt-hint`}
                onChange={(e) => setAlt(e.target.value)}
              />
            </div>
            <UploadProgress progress={image.progress} />
            <div className="button-row">
              <button
                type="button"
                className="button button-primary button-small"
                disabled={image.progress !== null}
                onClick={() => void insertImage()}
              >
                {t('cms.imageInsert')}
              </button>
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={closePanel}
              >
                {t('cms.cancel')}
              </button>
            </div>
          </div>
        )}

        {source ? (
          <textarea
            id={id}
            className="cms-source"
            aria-label={t('cms.sourceLabel', { label })}
            aria-describedby={describedBy}
            spellCheck={false}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <div
            id={id}
            ref={area}
            className="cms-rte-area article-body"
            contentEditable
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-labelledby={`${ids}-label`}
            aria-describedby={describedBy}
            tabIndex={0}
            onInput={emit}
            onBlur={emit}
            onFocus={startParagraph}
          />
        )}
      </div>
    </div>
  );
}

interface ToolButtonProps {
  title: string;
  children: ReactNode;
  onPress: () => void;
  /** Toggle state (bold on, in a list, …); undefined for an action button. */
  pressed?: boolean;
  off: boolean;
}

/** A toolbar button; it keeps the selection in the editing area, which it acts on. */
function ToolButton({ title, children, onPress, pressed, off }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="cms-tool"
      title={title}
      aria-label={title}
      aria-pressed={pressed}
      disabled={off}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}
