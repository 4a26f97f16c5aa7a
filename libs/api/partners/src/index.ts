export * from './lib/partner.entity';
export * from './lib/partners.module';
export * from './lib/partners.service';
