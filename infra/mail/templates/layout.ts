import { html, type SafeHtml } from './html';

export const PORTAL_NAME = '臺南市政府公務入口網';
export const FOOTER_NOTICE = '本信件由系統自動發送，請勿直接回覆。';
export const FOOTER_ORG = '臺南市政府智慧發展中心';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph of the message, written once and rendered into both the HTML and the text part. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'code'; label: string; value: string }
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'steps'; items: readonly string[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'note'; text: string };

export const p = (text: string): Block => ({ kind: 'p', text });
export const note = (text: string): Block => ({ kind: 'note', text });

/** 【臺南市政府公務入口網】… — the prefix lets people and mail filters recognise the sender. */
export const subjectLine = (title: string) => `【${PORTAL_NAME}】${title}`;

const FONT = "'Noto Sans TC','Microsoft JhengHei','PingFang TC',Arial,sans-serif";
const INK = '#1f2933';

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case 'p':
      return html`<p style="margin:0 0 16px;line-height:1.7;">${block.text}</p>`;
    case 'note':
      return html`<p style="margin:0 0 16px;line-height:1.7;color:#52606d;font-size:14px;">${block.text}</p>`;
    case 'code':
      return html`<p style="margin:0 0 8px;">${block.label}</p>
        <p
          style="margin:0 0 20px;font-size:28px;font-weight:700;letter-spacing:6px;font-family:Consolas,'Courier New',monospace;"
          aria-label="${block.label} ${block.value.split('').join(' ')}"
        >
          ${block.value}
        </p>`;
    case 'fields':
      return html`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;">
        ${block.rows.map(
          ([label, value]) =>
            html`<tr>
              <th
                scope="row"
                style="text-align:left;padding:4px 16px 4px 0;font-weight:600;vertical-align:top;white-space:nowrap;"
              >
                ${label}
              </th>
              <td style="padding:4px 0;">${value}</td>
            </tr>`,
        )}
      </table>`;
    case 'steps':
      return html`<ol style="margin:0 0 16px;padding-left:24px;line-height:1.7;">
        ${block.items.map((item) => html`<li>${item}</li>`)}
      </ol>`;
    case 'button':
      return html`<p style="margin:0 0 8px;">
          <a
            href="${block.url}"
            style="display:inline-block;padding:10px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:600;"
            >${block.label}</a
          >
        </p>
        <p style="margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all;">
          若按鈕無法使用，請複製以下網址至瀏覽器開啟：<br /><a href="${block.url}" style="color:#0b5cad;">${block.url}</a>
        </p>`;
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'p':
    case 'note':
      return block.text;
    case 'code':
      return `${block.label}\n\n    ${block.value}`;
    case 'fields':
      return block.rows.map(([label, value]) => `${label}：${value}`).join('\n');
    case 'steps':
      return block.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
    case 'button':
      return `${block.label}：\n${block.url}`;
  }
}

/**
 * The shared frame: header 臺南市政府公務入口網, the blocks, the automatic-mail notice and the
 * 智慧發展中心 footer. Table layout with inline styles because mail clients (Outlook in particular)
 * ignore most CSS; `lang`, headings and `role="presentation"` keep it readable by screen readers.
 */
export function layout(title: string, blocks: readonly Block[]): RenderedMail {
  const subject = subjectLine(title);
  const body = html`<!DOCTYPE html>
    <html lang="zh-Hant-TW">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f2f4f7;color:${INK};font-family:${FONT};font-size:16px;">
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          style="border-collapse:collapse;background:#f2f4f7;"
        >
          <tr>
            <td align="center" style="padding:24px 12px;">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="border-collapse:collapse;max-width:600px;background:#ffffff;border:1px solid #d9dee5;"
              >
                <tr>
                  <td style="background:#0b5cad;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:700;">
                    ${PORTAL_NAME}
                  </td>
                </tr>
                <tr>
                  <td style="padding:24px;">
                    <h1 style="margin:0 0 20px;font-size:20px;line-height:1.4;">${title}</h1>
                    ${blocks.map(blockHtml)}
                  </td>
                </tr>
                <tr>
                  <td style="padding:16px 24px;border-top:1px solid #d9dee5;font-size:13px;color:#52606d;line-height:1.6;">
                    <p style="margin:0;">${FOOTER_NOTICE}</p>
                    <p style="margin:0;">${FOOTER_ORG}</p>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html> `;
  const text = [
    PORTAL_NAME,
    '',
    title,
    '',
    ...blocks.flatMap((b) => [blockText(b), '']),
    '--',
    FOOTER_NOTICE,
    FOOTER_ORG,
    '',
  ].join('\n');
  return { subject, text, html: body.value };
}
