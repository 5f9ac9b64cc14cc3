/** The usage lines of `gbsim risk` (kept apart so that main.ts loads the command only when it runs). */
export const RISK_USAGE = `  gbsim risk FILE [--draws N] [--seed S] [--sigma-common X] [--sigma X] [--sigma-category CAT=X,...]
             [--deductions scaled|fixed] [--threshold X] [--workers K] [--json] [--xlsx OUT.xlsx] [--unit yuan|wan] [--top N] [--lang zh|en]
      Monte Carlo risk: P5/P50/P95 of the closing balance, months of coverage and adjustment fund
      used, P(adjustment fund exhausted), institutions ranked by P(overspend > threshold).
      Spreads and the threshold as in the file (0.05) or as percentages (5%).`;
