import { bootcampLog } from './bootcamp';
import { httpdLog } from './httpd';
import { nginxLog } from './nginx';
import type { ServerLog } from './types';

// The log formats of the images the simulator knows, by the name ImageBehaviour.serverLog gives.

export type ServerLogStyle = 'nginx' | 'httpd' | 'bootcamp';

export const SERVER_LOGS: Readonly<Record<ServerLogStyle, ServerLog>> = { nginx: nginxLog, httpd: httpdLog, bootcamp: bootcampLog };

export type { ImageFile, ServerLog, ServerLogContext } from './types';
