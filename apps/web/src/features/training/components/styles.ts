export {
  badgeClass,
  cardClass,
  checkboxRowClass,
  errorClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
  panelClass,
  primaryLinkClass,
  sectionTitleClass,
  selectClass,
} from '../../../shared/ui/form-styles.ts';
