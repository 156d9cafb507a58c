import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { IDLE_DISABLE_SCHEDULE_ID } from '../workflows/account-disable.messages';
import { idleDisable } from '../workflows/idle-disable';
import { organizationChangeResume } from '../workflows/organization-change-resume';
import { ORGANIZATION_CHANGE_RESUME_SCHEDULE_ID } from '../workflows/organization-change.messages';

/**
 * The Temporal Schedules the portal runs, created idempotently at worker start: an existing schedule
 * is left as it is (an operator may have paused it in the Temporal UI).
 */
async function ensureSchedule(client: Client, options: ScheduleOptions) {
  try {
    await client.schedule.create(options);
    return { scheduleId: options.scheduleId, created: true };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { scheduleId: options.scheduleId, created: false };
    throw error;
  }
}

/** `idle-disable-daily`: 閒置停用, every day at 02:00 Asia/Taipei; a run still going (AD down) skips the next. */
export function ensureSchedules(client: Client, options: { taskQueue: string; scheduleId?: string }) {
  const scheduleId = options.scheduleId ?? IDLE_DISABLE_SCHEDULE_ID;
  return ensureSchedule(client, {
    scheduleId,
    spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Taipei' },
    action: { type: 'startWorkflow', workflowType: idleDisable, taskQueue: options.taskQueue, workflowId: scheduleId, args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    memo: { description: '閒置停用：每日檢查閒置帳號，預告並停用' },
  });
}

/**
 * `organization-change-resume`: every 5 minutes, 組織管理 changes saved while Temporal was unreachable
 * are started (usually none; the run then ends after one query).
 */
export function ensureOrganizationResumeSchedule(client: Client, options: { taskQueue: string; scheduleId?: string }) {
  const scheduleId = options.scheduleId ?? ORGANIZATION_CHANGE_RESUME_SCHEDULE_ID;
  return ensureSchedule(client, {
    scheduleId,
    spec: { intervals: [{ every: '5 minutes' }] },
    action: {
      type: 'startWorkflow',
      workflowType: organizationChangeResume,
      taskQueue: options.taskQueue,
      workflowId: scheduleId,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '5 minutes' },
    memo: { description: '組織管理：將工作流程服務中斷時儲存的組織異動套用至 AD' },
  });
}
