/** The list's quick filters and sorts, for the components that offer them. */
export { MY_TASKS_FILTERS as LIST_FILTERS } from '../db/queries/my-tasks';
export { TASK_SORTS as LIST_SORTS, type TaskSort } from '../db/queries/task-sort';
