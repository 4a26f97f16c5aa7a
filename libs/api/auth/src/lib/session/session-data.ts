import 'express-session';
import { Role, SessionStage } from '@wegweiser/shared/contracts';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    municipalityId: string;
    role: Role;
    stage: SessionStage;
    /** Sign-in time (ms since epoch) for the absolute timeout. */
    signedInAt: number;
  }
}

export {};
