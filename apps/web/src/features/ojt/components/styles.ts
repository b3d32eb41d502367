export {
  cardClass,
  choiceClass,
  errorClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
  panelClass,
  primaryLinkClass,
} from '../../../shared/ui/form-styles.ts';
