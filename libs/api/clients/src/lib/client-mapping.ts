import { ClientListItemResponse, ClientResponse, ClientSummaryResponse, FieldOfAction, StaffMemberResponse } from '@wegweiser/shared/contracts';
import { ClientEntity } from './client.entity';

export function toClientSummary(c: ClientEntity): ClientSummaryResponse {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    firstName: c.firstName,
    lastName: c.lastName,
    firstNameOriginal: c.firstNameOriginal,
    lastNameOriginal: c.lastNameOriginal,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    countryOfOrigin: c.countryOfOrigin,
    teamId: c.teamId,
    responsibleManagerId: c.responsibleManagerId,
    supportStart: c.supportStart,
    supportState: c.supportState,
    supportWindowEnd: c.supportWindowEnd,
    version: c.version,
  };
}

/** A row of the list: the summary, last contact, open goals (in field order) and whether the user may change the file. */
export function toClientListItem(
  c: ClientEntity,
  openGoals: FieldOfAction[],
  canEdit: boolean,
  responsibleManager: StaffMemberResponse | null = null,
): ClientListItemResponse {
  return { ...toClientSummary(c), lastContactOn: c.lastContactOn, openGoals, canEdit, responsibleManager };
}

/** `responsibleManagerName`: the responsible manager's name, read by the caller (null: nobody responsible). */
export function toClientResponse(c: ClientEntity, responsibleManagerName: string | null): ClientResponse {
  return {
    ...toClientSummary(c),
    responsibleManagerName,
    nationalities: c.nationalities,
    languagesSpoken: c.languagesSpoken,
    residenceStatus: c.residenceStatus,
    residenceValidUntil: c.residenceValidUntil,
    arrivalDate: c.arrivalDate,
    housing: c.housing,
    householdMembers: c.householdMembers,
    phone: c.phone,
    email: c.email,
    address: c.address,
    pausedOn: c.pausedOn,
    closedOn: c.closedOn,
  };
}
