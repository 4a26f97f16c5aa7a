import { Routes } from '@angular/router';
import { StartPage } from './start-page';

export const startRoutes: Routes = [{ path: '', component: StartPage }];
