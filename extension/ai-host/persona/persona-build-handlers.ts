import type { Handlers } from '../../../shared/common/protocol/router';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { engineGenerate, runStructured, StructuredOutputError } from '../../../shared/common/llm/structured';
import { PersonaDraftSchema, PROTECTED_CATEGORIES } from '../../../shared/common/llm/structured';
import { buildPersonaPrompt } from '../../../shared/common/prompts/builders/persona';
import { crmName, personaKey, type CrmContact } from '../../../shared/common/persona/crm';
import { fieldsFromDraft, mergeRefreshed, type LocalPersonaFields } from '../../../shared/common/persona/local-fields';
import { rulesPersona } from '../../../shared/common/persona/rules';
import { personaPromptInput } from '../../../shared/common/persona/grounding';
import { viewOf, type BuildPersonaResult, type BuildErrorKind } from '../../messaging/persona-methods';
import type { Methods } from '../../messaging/methods';
import type { CloserDb } from '../../storage/db';
import type { EnrichJobRecord } from '../../storage/schema';
import type { HostTools } from '../host-service';
import { draftRecord, readSignals } from '../../storage/personas';

export interface PersonaBuildDeps {
  db: () => Promise<CloserDb>;
  now?: () => number;
}

const fail = (kind: BuildErrorKind, message: string, issues: readonly string[] = []): BuildPersonaResult => ({
  ok: false,
  error: { kind, message: message.slice(0, 2_000), issues: issues.slice(0, 10).map((i) => i.slice(0, 500)) },
});

const NOTHING_KEPT = 'Nothing was saved or queued.';

/** A structured-output failure as the typed error the panel shows. */
function explain(err: StructuredOutputError): BuildPersonaResult {
  const protectedIssue = err.issues.find((i) => i.includes('protected attribute'));
  if (protectedIssue) {
    const what = /\(([a-z]+): "([^"]*)"\)/.exec(protectedIssue);
    return fail(
      'protected_attribute',
      `The model's persona inferred a protected attribute${what ? ` (${what[1]}: "${what[2]}")` : ''}, so it was rejected. Personas never record ${PROTECTED_CATEGORIES.join(', ')}. ${NOTHING_KEPT}`,
      err.issues,
    );
  }
  return fail(err.kind, `${err.message} ${NOTHING_KEPT}`, err.issues);
}

/**
 * The AI host's persona handlers. The contact's correspondence (intent and sentiment per message) is read here, in
 * the host, so it never crosses another context; the model runs here too. A build stores nothing unless it yields
 * a valid persona; with a `jobId` the persona and the job's completion are one transaction, and a job already done
 * is never done again (a second run for it, e.g. after a service-worker restart, changes nothing).
 */
export function createPersonaBuildHandlers(deps: PersonaBuildDeps): (tools: HostTools) => Handlers<Methods> {
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, AbortController>();
  const jobsInFlight = new Map<string, Promise<BuildPersonaResult>>();

  return (tools) => {
    async function draft(
      crm: CrmContact,
      expect: Parameters<HostTools['ensureEngine']>[0],
      fallback: 'rules' | 'none',
      signal: AbortSignal,
    ): Promise<
      | { fields: LocalPersonaFields; origin: 'llm' | 'rules'; attempts: number; promptVersion?: string }
      | BuildPersonaResult
    > {
      const db = await deps.db();
      const signals = await readSignals(db, crm.email);
      if (!(await tools.canGenerate(expect))) {
        if (fallback === 'rules') return { fields: rulesPersona(crm, signals), origin: 'rules', attempts: 0 };
        return fail('no_generator', 'No text generator is available on this device. ' + NOTHING_KEPT);
      }
      const request = buildPersonaPrompt(personaPromptInput(crm, signals));
      try {
        const engine = await tools.ensureEngine(expect);
        const result = await runStructured(engineGenerate(engine, signal), request, PersonaDraftSchema);
        if (signal.aborted) return fail('cancelled', `The build was cancelled. ${NOTHING_KEPT}`);
        return {
          fields: fieldsFromDraft(result.value, crm),
          origin: 'llm',
          attempts: result.attempts,
          promptVersion: `${request.promptId}@${request.promptVersion}`,
        };
      } catch (err) {
        if (signal.aborted) return fail('cancelled', `The build was cancelled. ${NOTHING_KEPT}`);
        if (err instanceof StructuredOutputError) return explain(err);
        return fail('engine', `${ProtocolError.from(err).message} ${NOTHING_KEPT}`);
      }
    }

    async function build(params: {
      requestId: string;
      contact: CrmContact;
      expect: Parameters<HostTools['ensureEngine']>[0];
      fallback: 'rules' | 'none';
      jobId?: string;
    }): Promise<BuildPersonaResult> {
      const t0 = now();
      const controller = new AbortController();
      inFlight.set(params.requestId, controller);
      try {
        const made = await draft(params.contact, params.expect, params.fallback, controller.signal);
        if ('ok' in made) return made;
        const db = await deps.db();
        const key = personaKey(params.contact.portalId, params.contact.contactId);
        const tx = db.transaction(['personas', 'enrichJobs', 'events'], 'readwrite');
        const personas = tx.objectStore('personas');
        const previous = await personas.get(key);
        const fields = previous ? mergeRefreshed(previous.fields as LocalPersonaFields, made.fields) : made.fields;
        const record = draftRecord(
          params.contact,
          crmName(params.contact),
          fields,
          made.origin,
          now(),
          made.promptVersion,
        );
        if (params.jobId) {
          const jobs = tx.objectStore('enrichJobs');
          const job = await jobs.get(params.jobId);
          if (!job) {
            tx.abort();
            return fail('engine', `Enrichment job ${params.jobId} no longer exists. ${NOTHING_KEPT}`);
          }
          if (job.status === 'done') {
            // Done by an earlier run (the worker restarted while the host finished it): keep that result.
            await tx.done;
            const stored = previous ? viewOf(previous) : null;
            if (!stored) throw new ProtocolError('internal', `Job ${job.id} is done but its persona is missing`);
            return { ok: true, persona: stored, attempts: 0, ms: job.ms ?? 0 };
          }
          const done: EnrichJobRecord = { ...job, status: 'done', updatedAt: now(), ms: now() - t0 };
          delete done.error;
          await jobs.put(done);
          // One event per completed job: the bench and the review count these to prove "exactly once".
          await tx.objectStore('events').add({
            id: crypto.randomUUID(),
            type: 'persona.enriched',
            at: now(),
            contactId: key,
            detail: { jobId: job.id, batchId: job.batchId, origin: made.origin },
          });
        }
        await personas.put(record);
        await tx.done;
        return {
          ok: true,
          persona: viewOf(record) as NonNullable<ReturnType<typeof viewOf>>,
          attempts: made.attempts,
          ms: now() - t0,
        };
      } finally {
        inFlight.delete(params.requestId);
      }
    }

    return {
      'host.buildPersona': (params) => {
        if (!params.jobId) return build(params);
        // The same job asked for twice at once (a restarted worker re-kicking): one run, one answer.
        const running = jobsInFlight.get(params.jobId);
        if (running) return running;
        const run = build(params).finally(() => jobsInFlight.delete(params.jobId as string));
        jobsInFlight.set(params.jobId, run);
        return run;
      },
      'host.cancelPersona': ({ requestId }) => {
        const controller = inFlight.get(requestId);
        controller?.abort();
        return { cancelled: Boolean(controller) };
      },
    };
  };
}
