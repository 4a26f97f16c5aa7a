import { DuplicateCheckRequest } from '@wegweiser/shared/contracts';
import { DateField, NameField } from '../dto/client-fields';

/** `POST /api/clients/duplicate-check`: the names and date of birth typed into the intake form (validated like a new client's). */
export class DuplicateCheckDto implements DuplicateCheckRequest {
  @NameField('required') firstName!: string;
  @NameField('required') lastName!: string;
  @NameField('nullable') firstNameOriginal?: string | null;
  @NameField('nullable') lastNameOriginal?: string | null;
  @DateField('required') dateOfBirth!: string;
}
