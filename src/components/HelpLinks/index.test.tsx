import '@testing-library/jest-dom';
import { render, screen, fireEvent } from '@testing-library/react';
import { visited } from '../../../test/navigationMock';
import { HelpLinks } from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

describe('HelpLinks', () => {
  beforeEach(() => visited.splice(0));

  it('leads to the policy and to the contacts of the help page', () => {
    render(<HelpLinks />);
    fireEvent.click(screen.getByRole('button', { name: '政策查看' }));
    fireEvent.click(screen.getByRole('button', { name: '联系我们' }));
    expect(visited).toEqual(['/pages/service/help/index?tab=policy', '/pages/service/help/index?tab=contact']);
  });
});
