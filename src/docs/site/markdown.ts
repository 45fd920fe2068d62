import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** What a description renders to: sanitised HTML and the plain text search reads. */
export interface RenderedText {
  html: string;
  text: string;
}

// Raw HTML in a description is shown as text (html: false), and the output is sanitised again:
// descriptions come from any schema file, and the page runs from file:// beside local data.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'del', 's'],
  allowedAttributes: { a: ['href', 'title'], code: ['class'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

/** Renders markdown to sanitised HTML, caching repeated texts (many columns share a description). */
export class MarkdownRenderer {
  private readonly cache = new Map<string, RenderedText>();

  render(source: string | undefined | null): RenderedText {
    if (!source || source.trim() === '') return { html: '', text: '' };
    let rendered = this.cache.get(source);
    if (!rendered) {
      const html = sanitizeHtml(markdown.render(source), SANITIZE);
      rendered = { html, text: sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim() };
      this.cache.set(source, rendered);
    }
    return rendered;
  }
}
