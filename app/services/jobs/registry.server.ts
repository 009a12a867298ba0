/**
 * Every job definition and recurring schedule, imported once so any process that runs jobs knows them
 * all. Add yours here (a definition file that calls defineJob, and scheduleRecurring if it repeats).
 */
export {}
