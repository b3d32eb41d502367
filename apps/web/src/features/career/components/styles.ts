export {
  badgeClass,
  cardClass,
  choiceClass,
  hintClass,
  inputClass,
  labelClass,
  noticeClass,
  panelClass,
  textareaClass,
  warnClass,
} from '../../../shared/ui/form-styles.ts';
/** Career sections space their titles themselves */
export const sectionTitleClass = 'text-std-22B-150 text-solid-gray-900';
export const subTitleClass = 'text-std-18B-160 text-solid-gray-900';
