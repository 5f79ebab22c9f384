// The admin's own messages (a job queue that did not start, a signal not confirmed) as JSON lines on the process's
// logger, beside its requests' and jobs' lines.
import { messageLog } from "@minbar/observability/log";

export const adminLog = messageLog("admin");
