/** Face login and the session. */
import {
  routes,
  type BeginFaceVerificationRequest,
  type CreateSessionRequest,
  type FaceVerification,
  type Session,
} from '@contract/api';
import { call, contract } from './call';

export const beginFaceVerification = (req: BeginFaceVerificationRequest) => call<FaceVerification>(routes.faceVerifications, { method: 'POST', body: req, schema: contract('FaceVerificationSchema') });
export const createSession = (req: CreateSessionRequest) => call<Session>(routes.session, { method: 'POST', body: req, schema: contract('SessionSchema') });
export const endSession = () => call<void>(routes.session, { method: 'DELETE' });
