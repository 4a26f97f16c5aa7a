export * from './lib/qualifications.module';
export * from './lib/qualifications.service';
export * from './lib/language-skills.service';
