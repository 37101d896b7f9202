import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { EDIT_ROLES } from '../../services/access.ts';
import { getAward } from '../../services/awards/read.ts';
import { invalid } from '../../services/errors.ts';
import {
  ALLOWED_MEDIA_TYPES,
  addFileEvidence,
  addLinkEvidence,
  deleteEvidence,
  evidenceFile,
  linkEvidenceSchema,
} from '../../services/evidence.ts';
import { noNul } from '../../services/safe-text.ts';
import { requireActor } from '../auth/session.ts';
import {
  apiRouter,
  errorResponses,
  fileErrorResponses,
  guardedRoute,
  IdParam,
  jsonCreated,
  jsonOk,
} from './openapi.ts';
import { EvidenceListSchema, EvidenceSchema } from './responses/award.ts';

// Evidence of an award: POST a file (multipart, field `file`) or a link (JSON {url, caption});
// GET the file back with the same visibility as the award; DELETE while the award is not verified.

const tags = ['evidence'];

const UploadForm = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary', description: ALLOWED_MEDIA_TYPES.join(', ') }),
    caption: z
      .string()
      .max(500)
      .refine(...noNul)
      .optional(),
    _csrf: z.string().optional(),
  })
  .openapi('EvidenceUpload');
const LinkInput = linkEvidenceSchema;

const uploadResponses = {
  ...jsonCreated('The evidence added', EvidenceSchema),
  ...errorResponses,
  413: { ...fileErrorResponses[413], description: 'File too large (MAX_UPLOAD_MB)' },
  415: { ...fileErrorResponses[415], description: 'File content is not PDF, PNG, JPEG or WEBP' },
};

export function evidenceRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/awards/{id}/evidence',
      tags,
      summary: 'Evidence of an award',
      request: { params: IdParam },
      responses: { ...jsonOk('Evidence, oldest first', EvidenceListSchema), ...errorResponses },
    }),
    async (c) => {
      const award = await getAward(c.get('deps').db.db, c.get('actor'), c.req.valid('param').id);
      return c.json({ items: award.evidence }, 200);
    },
  );

  app.openapi(
    guardedRoute(EDIT_ROLES, {
      method: 'post',
      path: '/awards/{id}/evidence',
      tags,
      summary:
        'Add evidence: multipart `file` (PDF, PNG, JPEG, WEBP judged by content) or JSON `{url, caption}`; not on verified awards (409)',
      request: {
        params: IdParam,
        body: {
          content: {
            'multipart/form-data': { schema: UploadForm },
            'application/json': { schema: LinkInput },
          },
          required: false,
        },
      },
      responses: uploadResponses,
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as { file?: unknown; caption?: string };
        if (!(form.file instanceof File))
          throw invalid([{ field: 'file', message: 'Kirim berkas di isian multipart bernama "file"' }]);
        const caption = typeof form.caption === 'string' && form.caption.trim() ? form.caption.trim() : null;
        const bytes = new Uint8Array(await form.file.arrayBuffer());
        const evidence = await addFileEvidence(
          db.db,
          actor,
          config,
          id,
          { name: form.file.name, bytes },
          caption,
        );
        return c.json(evidence, 201);
      }
      if (type.startsWith('application/json')) {
        const link = c.req.valid('json');
        if (!link || typeof link !== 'object' || !('url' in link))
          throw invalid([{ field: 'url', message: 'Kirim {"url": "https://…", "caption": "…"}' }]);
        return c.json(await addLinkEvidence(db.db, actor, id, link), 201);
      }
      throw invalid([
        {
          field: 'file',
          message: 'Kirim multipart/form-data dengan isian "file", atau JSON {"url", "caption"} untuk tautan',
        },
      ]);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evidence/{id}/file',
      tags,
      summary: 'The stored file, with its detected media type (public only for verified public awards)',
      request: {
        params: IdParam,
        query: z.object({ download: z.enum(['0', '1']).optional() }),
      },
      responses: {
        200: {
          description: 'The file bytes, with the media type judged from its content',
          content: Object.fromEntries(
            ALLOWED_MEDIA_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
          ),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const { row, path } = await evidenceFile(db.db, c.get('actor'), config, c.req.valid('param').id);
      const name = row.file_name ?? `bukti-${row.id}`;
      const disposition = c.req.valid('query').download === '1' ? 'attachment' : 'inline';
      c.header('Content-Type', row.media_type ?? 'application/octet-stream');
      c.header('Content-Length', String(statSync(path).size));
      c.header(
        'Content-Disposition',
        `${disposition}; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
      c.header('Cache-Control', 'private, max-age=300');
      const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
      return c.body(stream, 200);
    },
  );

  app.openapi(
    guardedRoute(EDIT_ROLES, {
      method: 'delete',
      path: '/evidence/{id}',
      tags,
      summary: 'Remove evidence (same rights as editing the award; not on verified awards: 409)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      await deleteEvidence(db.db, requireActor(c), config, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
