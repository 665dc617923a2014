import type { EnrolmentService } from '../service';
import { apiHandlers } from './api';
import { hostHandlers } from './host';
import { qaHandlers } from './qa';

/** All handlers, QA first so that fault injection never blocks QA itself. */
export const allHandlers = (service: EnrolmentService) => [...qaHandlers(service), ...hostHandlers(service), ...apiHandlers(service)];
