import { labelClass as formLabelClass } from '../../../shared/ui/form-styles.ts';

export { cellClass, headCellClass, inputClass, sectionTitleClass } from '../../../shared/ui/form-styles.ts';
/** The plan's labels stack their control below them */
export const labelClass = `block ${formLabelClass}`;
