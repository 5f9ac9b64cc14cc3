/**
 * The help texts of the commands loaded on demand (monitor, report, whatif), apart from their
 * modules: `gbsim`'s help lists them, and importing the commands themselves would load the
 * spreadsheet and report code into every start (`gbsim run` reads neither).
 */
export const MONITOR_USAGE = `  gbsim monitor FILE [--as-of K] [--all] [--json] [--unit yuan|wan] [--xlsx OUT.xlsx] [--lang zh|en]
      The monthly report: claims known through month K, the rest projected; the warning list and the fund's projection.`;

export const REPORT_USAGE = `  gbsim report FILE [--lang zh|en] [--unit yuan|wan] [-o REPORT.html]
      The fund report (基金预算执行与清算报告): budget and where it goes, the settlement per pool,
      level and category, the largest overspend and surplus, point values, the rules applied.
      One HTML page to print on A4, in the system's language unless --lang says; without -o it goes to standard output.`;

export const WHATIF_USAGE = `  gbsim whatif points FILE --inflate X% [--level L] [--pool ID] [--institution ID] [--json] [--unit yuan|wan] [--lang zh|en]
  gbsim whatif points FILE --institution ID [--json] [--lang zh|en]
      Point inflation in a pool settled by points: all institutions (or those of level L, e.g. tertiary / 三级)
      report X% more points (fewer: --inflate=-5%) → the point value and every entitlement; with --institution
      alone, its brief's table (all +5%, +10%; its level +5%, +10%).`;
