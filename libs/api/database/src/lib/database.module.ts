import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from './typeorm/typeorm-options';

export interface DatabaseModuleOptions {
  appUrl: string;
  poolSize: number;
}

/** The application's TypeORM connection, as the unprivileged application role. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...typeOrmOptions({ url: options.appUrl, poolSize: options.poolSize, applicationName: 'wegweiser-api' }),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
      ],
    };
  }
}
