import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { axe } from 'jest-axe';
import { TextField } from './index';

export function typeInto(el: Element, value: string) {
  fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
}

function Harness() {
  const [value, setValue] = useState('');
  return <TextField label='子女姓名' value={value} onInput={setValue} hint='与户口簿一致' error={value === 'x' ? '姓名只能包含汉字' : null} />;
}

describe('TextField', () => {
  it('labels the input, shows the hint, and puts the error beside the field', () => {
    render(<Harness />);
    const input = screen.getByLabelText('子女姓名', { selector: 'taro-input-core' });
    expect(screen.getByText('与户口簿一致')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    typeInto(input, 'x');
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent('姓名只能包含汉字');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(input.closest('.field')).toHaveClass('field-invalid');
    typeInto(input, '王');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the native input by the visible label too, with ids unique across pages', async () => {
    // Two forms at once, as Taro's H5 keeps an earlier page in the DOM: each input is named by its own label.
    render(
      <>
        <Harness />
        <TextField label='监护人姓名' value='' onInput={() => undefined} />
      </>,
    );
    await waitFor(() => expect(document.querySelectorAll('input')).toHaveLength(2));
    const inputs = [...document.querySelectorAll('input')];
    const names = inputs.map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent);
    expect(names).toEqual(['子女姓名', '监护人姓名']);
    expect(inputs[0].getAttribute('title')).toBeNull();
  });
});

describe('TextField accessibility', () => {
  it('has no axe violations with a hint and an error', async () => {
    const { container } = render(
      <main>
        <TextField id='tf-name' label='监护人姓名' value='x' onInput={() => undefined} hint='与身份证一致' error='请输入姓名' />
      </main>,
    );
    expect(container.querySelector('#tf-name')).not.toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });
});
