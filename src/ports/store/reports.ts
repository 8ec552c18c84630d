import type { SetFigures } from '../../domain/report';

export type { SetFigures };

export interface ReportRepo {
  figures(setId: number): Promise<SetFigures | undefined>;
}
