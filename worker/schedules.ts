import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { IDLE_DISABLE_SCHEDULE_ID } from '../workflows/account-disable.messages';
import { idleDisable } from '../workflows/idle-disable';

/**
 * The Temporal Schedules the portal runs, created idempotently at worker start: an existing schedule
 * is left as it is (an operator may have paused it in the Temporal UI).
 *
 * - `idle-disable-daily`: 閒置停用, every day at 02:00 Asia/Taipei; a run still going (AD down) skips the next.
 */
export async function ensureSchedules(client: Client, options: { taskQueue: string; scheduleId?: string }) {
  const scheduleId = options.scheduleId ?? IDLE_DISABLE_SCHEDULE_ID;
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Taipei' },
      action: {
        type: 'startWorkflow',
        workflowType: idleDisable,
        taskQueue: options.taskQueue,
        workflowId: scheduleId,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { description: '閒置停用：每日檢查閒置帳號，預告並停用' },
    });
    return { scheduleId, created: true };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { scheduleId, created: false };
    throw error;
  }
}
