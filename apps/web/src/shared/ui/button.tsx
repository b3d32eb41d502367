import type { ComponentPropsWithRef } from 'react';

type Variant = 'primary' | 'secondary' | 'tertiary';

const variants: Record<Variant, string> = {
  primary: 'border-blue-900 bg-blue-900 text-white hover:border-blue-1100 hover:bg-blue-1100',
  secondary: 'border-blue-900 bg-white text-blue-900 hover:bg-blue-50',
  tertiary: 'border-transparent bg-transparent text-blue-900 underline underline-offset-4 hover:bg-blue-50',
};

export type ButtonProps = ComponentPropsWithRef<'button'> & { variant?: Variant };

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-8 border-2 px-4 py-2 text-oln-16B-100 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
