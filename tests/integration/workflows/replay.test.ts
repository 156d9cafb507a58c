import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../../support/temporal';

// Histories recorded from shipped workflow versions must replay on the current code; a change that
// breaks one needs `patched()`. Add a history here whenever a workflow's behaviour changes.
const dir = fileURLToPath(new URL('../../histories', import.meta.url));
const histories = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('workflow replay of recorded histories (tests/histories)', () => {
  it('has histories to replay', () => expect(histories.length).toBeGreaterThan(0));

  it.each(histories)('%s replays without non-determinism', async (file) => {
    // The JSON as `temporal workflow show --output json` writes it; the SDK decodes it.
    const history: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, `replay-${file}`),
    ).resolves.toBeUndefined();
  });
});
