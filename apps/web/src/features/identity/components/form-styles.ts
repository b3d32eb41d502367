export {
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  sectionTitleClass,
} from '../../../shared/ui/form-styles.ts';
