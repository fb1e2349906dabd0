/** The documents of the views the console shows (the fields it reads). */
export interface CaseDoc {
  caseId: string;
  person?: { fullName?: string; birthDate?: string } | null;
  communeCode: string;
  village: string | null;
  supervisorRef: string | null;
  status: string;
  group: string | null;
  reportBy: string | null;
  reportedOn: string | null;
  releaseDate: string | null;
  visits: number;
  lastVisitOn: string | null;
  dueOn: string | null;
  dueKind: string | null;
}
export interface TaskDoc {
  taskId: string;
  description: string;
  leadUnit: string;
  dueDate: string | null;
  status: string;
  dueOn: string | null;
  deadlineStatus: string;
}
export interface ReportDoc {
  reportId: string;
  template: string;
  period: string;
  reportingUnit: string;
  dueDate: string | null;
  status: string;
  dueOn: string | null;
}
