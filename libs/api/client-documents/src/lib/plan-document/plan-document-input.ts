import { BilingualPlanInput, GERMAN_VOCABULARY, PlanDocumentLanguage } from '@wegweiser/api/documents';
import { FIELDS_OF_ACTION, GoalResponse, GoalState } from '@wegweiser/shared/contracts';
import { CLIENT_FIELD_OF_ACTION_LABELS } from './field-labels';

/**
 * What a plan to sign shows: the goals the client works towards (open, in
 * progress) and those already reached; dropped and failed goals are history
 * (they stay in the file and the Art. 15 export, not on the sheet to sign).
 */
export const PRINTED_GOAL_STATES: readonly GoalState[] = ['open', 'in_progress', 'achieved'];

export interface PlanDocumentClient {
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string | null;
  lastNameOriginal: string | null;
}

/**
 * The bilingual plan's input: printed goals grouped by field of action (in
 * the fixed order of the fields), within a field by due date; each with the
 * German field label and the client-language one, and its steps as entered.
 */
export function toPlanDocumentInput(
  client: PlanDocumentClient,
  goals: GoalResponse[],
  language: PlanDocumentLanguage,
  agreedOn: string,
): BilingualPlanInput {
  const fieldOrder = (goal: GoalResponse) => FIELDS_OF_ACTION.indexOf(goal.fieldOfAction);
  const native = [client.firstNameOriginal, client.lastNameOriginal].filter((part) => part).join(' ');
  return {
    language,
    clientName: { latin: `${client.firstName} ${client.lastName}`, ...(native && { native }) },
    caseNumber: client.caseNumber,
    agreedOn,
    goals: goals
      .filter((goal) => PRINTED_GOAL_STATES.includes(goal.state))
      .map((goal, index) => ({ goal, index }))
      .sort((a, b) => fieldOrder(a.goal) - fieldOrder(b.goal) || a.goal.dueOn.localeCompare(b.goal.dueOn) || a.index - b.index)
      .map(({ goal }) => ({
        field: { de: GERMAN_VOCABULARY.fieldOfAction[goal.fieldOfAction], client: CLIENT_FIELD_OF_ACTION_LABELS[language][goal.fieldOfAction] },
        target: goal.target,
        dueOn: goal.dueOn,
        steps: goal.steps.map((step) => step.description),
      })),
  };
}
