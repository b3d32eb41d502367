/**
 * Invitation letters as one PDF, one A4 page per person: their name, login id, the link in text and as a
 * QR code, the expiry in 和暦, Japanese first and English after. Noto Sans JP ships with the app (the
 * `@expo-google-fonts/noto-sans-jp` package) and is embedded as a subset of the glyphs the letters use,
 * so the file stays small and nothing is fetched at run time (decision 011).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { Invitation } from '@portal/contracts';
import {
  concatTransformationMatrix,
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

/** The font files are read once per process (≈5 MB each) and kept. */
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function fontBytes() {
  fonts ??= Promise.all([
    readFile(require.resolve(FONT_FILES.regular)),
    readFile(require.resolve(FONT_FILES.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const QUIET = rgb(0.35, 0.35, 0.35);

const tokyo = { timeZone: 'Asia/Tokyo' } as const;
const warekiDateTime = (at: Date) =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    ...tokyo,
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
const warekiDate = (at: Date) =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    ...tokyo,
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(at);
const englishDateTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { ...tokyo, dateStyle: 'long', timeStyle: 'short' }).format(at);

/**
 * Breaks a line to the width: Latin words stay whole, Japanese breaks between any two characters.
 * Widths are summed per piece and kept (laying out a Japanese line is the costly part of a letter, and
 * every letter repeats the same sentences).
 */
const widths = new WeakMap<PDFFont, Map<string, number>>();
function widthOf(font: PDFFont, piece: string, size: number): number {
  let known = widths.get(font);
  if (!known) {
    known = new Map();
    widths.set(font, known);
  }
  let w = known.get(piece);
  if (w === undefined) {
    w = font.widthOfTextAtSize(piece, 1);
    known.set(piece, w);
  }
  return w * size;
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const pieces = text.match(/[\x21-\x7e]+ ?| +|[^\x20-\x7e]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const piece of pieces) {
    const w = widthOf(font, piece, size);
    if (line && lineWidth + w - widthOf(font, ' ', size) * (piece.endsWith(' ') ? 1 : 0) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
      lineWidth = widthOf(font, line, size);
    } else {
      line += piece;
      lineWidth += w;
    }
    // a single piece wider than the line (a long link) is cut by characters
    while (lineWidth > width && line.length > 1) {
      let cut = 0;
      let used = 0;
      for (const ch of line) {
        const cw = widthOf(font, ch, size);
        if (used + cw > width) break;
        used += cw;
        cut += ch.length;
      }
      lines.push(line.slice(0, Math.max(cut, 1)));
      line = line.slice(Math.max(cut, 1));
      lineWidth = [...line].reduce((sum, ch) => sum + widthOf(font, ch, size), 0);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The QR code drawn as filled rectangles, one per run of dark modules in a row, in module units
 * (a transformation scales them and turns y downwards): a few hundred integers per page.
 */
function drawQr(page: PDFPage, url: string, at: { x: number; top: number; side: number }) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  const scale = at.side / (n + 2 * quiet);
  const ops = [
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, -scale, at.x + quiet * scale, at.top - quiet * scale),
    setFillingRgbColor(0, 0, 0),
  ];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x++;
      ops.push(rectangle(start, y, x - start, 1));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/** A clickable area over the link, for whoever reads the PDF on screen. */
function linkAnnotation(page: PDFPage, url: string, rect: [number, number, number, number]) {
  const context = page.doc.context;
  const annotation = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(annotation);
}

type Fonts = { regular: PDFFont; bold: PDFFont };
type Vars = { name: string; loginId: string; url: string };
type Moments = { issued: string; expiresJa: string; expiresEn: string };

/** Every word the letters print besides the person's own, so that the font subset holds them all. */
const WORDS = {
  issued: (m: Moments) => `発行日 ${m.issued}`,
  title: '人材育成ポータル　アカウントのご案内',
  honorific: ' 様',
  ready: '人材育成ポータルのアカウントが用意されました。',
  how: '下のQRコードをスマートフォンで読み取るか、リンクを開いて、ご自分のパスワードを設定してください。',
  login: 'ログインID／Login ID：',
  expires: (m: Moments) => `有効期限：${m.expiresJa}（このリンクは一度だけ使えます）`,
  expired: '期限が過ぎたとき、またはリンクが使えないときは、人材育成部門に新しい招待を依頼してください。',
  keep: 'この用紙はパスワードと同じように扱い、本人以外に見せないでください。',
  enTitle: 'Staff Development Portal — your account',
  enReady:
    'An account on the Staff Development Portal is ready for you. Scan the QR code above or open the link, and set a password of your own.',
  enExpires: (m: Moments) => `The link works once and expires on ${m.expiresEn} (JST).`,
  enExpired:
    'When it has expired or does not work, ask the HR development office for a new invitation. Keep this letter as you would a password.',
};

/**
 * The letter, top to bottom. Drawn twice: once without a person (`vars` null: only the words every
 * letter shares, into a template embedded once), then per person (only their name, login id, link and
 * QR code, over the template). Each person's part has a fixed height, so both passes agree on where
 * everything sits. Laying out Japanese text is the slow part; the template does it once per file.
 */
function drawLetter(page: PDFPage, fonts: Fonts, m: Moments, vars: Vars | null) {
  const { regular, bold } = fonts;
  let y = A4.height - MARGIN;
  const shared = vars === null;
  const text = (
    content: string,
    opts: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; gap?: number } = {},
  ) => {
    const size = opts.size ?? 10.5;
    const font = opts.font ?? regular;
    for (const line of wrap(content, font, size, TEXT_WIDTH)) {
      y -= size * 1.5;
      if (shared) page.drawText(line, { x: MARGIN, y, size, font, color: opts.color ?? INK });
    }
    y -= opts.gap ?? 0;
  };
  /** One line of a person's own, shrunk to fit the width; `lines` lines are kept for it either way. */
  const own = (
    content: string | null | undefined,
    opts: { size: number; font: PDFFont; color?: ReturnType<typeof rgb>; lines?: number; gap: number },
  ) => {
    const top = y;
    const lines = opts.lines ?? 1;
    if (content != null) {
      const natural = [...content].reduce((sum, ch) => sum + widthOf(opts.font, ch, 1), 0);
      const size = Math.max(7, Math.min(opts.size, TEXT_WIDTH / natural));
      let at = top;
      for (const line of wrap(content, opts.font, size, TEXT_WIDTH).slice(0, lines)) {
        at -= opts.size * 1.5;
        page.drawText(line, { x: MARGIN, y: at, size, font: opts.font, color: opts.color ?? INK });
      }
    }
    y = top - opts.size * 1.5 * lines - opts.gap;
    return { top, bottom: top - opts.size * 1.5 * lines };
  };

  if (shared) {
    const issued = WORDS.issued(m);
    page.drawText(issued, {
      x: A4.width - MARGIN - regular.widthOfTextAtSize(issued, 9),
      y,
      size: 9,
      font: regular,
      color: QUIET,
    });
  }
  y -= 16;
  text(WORDS.title, { size: 16, font: bold, gap: 14 });
  own(vars && `${vars.name}${WORDS.honorific}`, { size: 13, font: bold, gap: 8 });
  text(WORDS.ready);
  text(WORDS.how, { gap: 10 });
  own(vars && `${WORDS.login}${vars.loginId}`, { size: 12, font: bold, gap: 4 });
  const link = own(vars?.url, { size: 10, font: regular, color: rgb(0, 0.2, 0.6), lines: 2, gap: 8 });

  const side = 150;
  if (vars) {
    linkAnnotation(page, vars.url, [MARGIN, link.bottom - 3, MARGIN + TEXT_WIDTH, link.top]);
    drawQr(page, vars.url, { x: MARGIN, top: y, side });
  }
  y -= side + 10;

  text(WORDS.expires(m), { gap: 2 });
  text(WORDS.expired, { size: 9.5, color: QUIET });
  text(WORDS.keep, { size: 9.5, color: QUIET, gap: 22 });
  if (shared) {
    page.drawLine({
      start: { x: MARGIN, y: y + 10 },
      end: { x: A4.width - MARGIN, y: y + 10 },
      thickness: 0.5,
      color: QUIET,
    });
  }
  text(WORDS.enTitle, { size: 12, font: bold, gap: 6 });
  text(WORDS.enReady, { size: 9.5, gap: 2 });
  text(WORDS.enExpires(m), { size: 9.5, gap: 2 });
  text(WORDS.enExpired, { size: 9, color: QUIET });
}

/**
 * pdf-lib writes widths only for the glyphs the font's character map reaches; `locl` (which swaps the
 * digits for others) and `liga` (ﬀ) reach glyphs beyond it, which a viewer then draws a full em wide.
 */
const ONLY_MAPPED_GLYPHS = { locl: false, liga: false };

/** Gives the event loop a turn every so many pages, so a long print run does not stall other requests. */
const PAGES_PER_TURN = 50;

/** The characters a file prints: the shared words, the dates, printable ASCII, and each person's own. */
function charactersOf(items: Invitation[], m: Moments): string {
  const seen = new Set<string>();
  const add = (text: string) => {
    for (const ch of text) seen.add(ch);
  };
  for (let c = 0x20; c < 0x7f; c++) seen.add(String.fromCharCode(c));
  for (const word of Object.values(WORDS)) add(typeof word === 'string' ? word : word(m));
  for (const item of items) add(item.name);
  return [...seen].join('');
}

/**
 * The font cut down to the characters of one file by HarfBuzz (through `subset-font`), then embedded
 * whole: pdf-lib's own subsetting loses glyphs of Noto Sans JP.
 */
async function subsetFor(font: Uint8Array, characters: string): Promise<Uint8Array> {
  return subsetFont(Buffer.from(font), characters, { targetFormat: 'truetype' });
}

export async function invitationLettersPdf(
  items: Invitation[],
  options: { issuedAt?: Date } = {},
): Promise<Uint8Array> {
  const issuedAt = options.issuedAt ?? new Date();
  // Every invitation of one request expires at the same moment, so the shared words are the same.
  const expiresAt = new Date(items[0]?.expiresAt ?? issuedAt);
  const moments: Moments = {
    issued: warekiDate(issuedAt),
    expiresJa: warekiDateTime(expiresAt),
    expiresEn: englishDateTime(expiresAt),
  };
  const characters = charactersOf(items, moments);
  const bytes = await fontBytes();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(await subsetFor(bytes.regular, characters), {
      features: ONLY_MAPPED_GLYPHS,
    }),
    bold: await doc.embedFont(await subsetFor(bytes.bold, characters), { features: ONLY_MAPPED_GLYPHS }),
  };
  doc.setTitle('人材育成ポータル 招待状 / Invitations to the Staff Development Portal');
  doc.setLanguage('ja-JP');
  doc.setCreator('人材育成ポータル');
  doc.setProducer('人材育成ポータル');

  const draft = doc.addPage([A4.width, A4.height]);
  drawLetter(draft, fonts, moments, null);
  const template = await doc.embedPage(draft);
  doc.removePage(0);

  let drawn = 0;
  for (const item of items) {
    const page = doc.addPage([A4.width, A4.height]);
    page.drawPage(template);
    drawLetter(page, fonts, moments, item);
    if (++drawn % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return doc.save();
}
