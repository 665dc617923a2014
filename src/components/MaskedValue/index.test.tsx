import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { MaskedValue } from './index';

describe('MaskedValue', () => {
  it('is masked by default and fetches the full value only when asked, then hides it again', async () => {
    const reveal = jest.fn(async () => '50011220180312004X');
    render(<MaskedValue label='身份证号' masked='5001**********004X' reveal={reveal} />);
    expect(screen.getByTestId('masked-text')).toHaveTextContent('5001**********004X');
    expect(reveal).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '显示身份证号' }));
    await waitFor(() => expect(screen.getByTestId('masked-text')).toHaveTextContent('50011220180312004X'));
    fireEvent.click(screen.getByRole('button', { name: '隐藏身份证号' }));
    expect(screen.getByTestId('masked-text')).toHaveTextContent('5001**********004X');
  });

  it('says so when the full value cannot be fetched', async () => {
    render(<MaskedValue label='身份证号' masked='5001**********004X' reveal={async () => null} />);
    fireEvent.click(screen.getByRole('button', { name: '显示身份证号' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('暂时无法显示完整号码');
    expect(screen.getByTestId('masked-text')).toHaveTextContent('5001**********004X');
  });

  it('shows a value already on the device without a request', () => {
    render(<MaskedValue label='手机号' masked='138****6574' full='13883216574' />);
    fireEvent.click(screen.getByRole('button', { name: '显示手机号' }));
    expect(screen.getByTestId('masked-text')).toHaveTextContent('13883216574');
  });
});
