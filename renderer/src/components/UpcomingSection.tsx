import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading';

type UpcomingSectionProps = {
  title: string;
  icon: ReactNode;
  /** What the section will do, in one or two sentences. */
  purpose: string;
};

/** A section that is planned but not built yet: it says what it will do, and offers nothing to click. */
export function UpcomingSection({ title, icon, purpose }: UpcomingSectionProps) {
  return (
    <>
      <PageHeading title={title} />
      <Card>
        <Result icon={icon} title={`${title}功能将在后续版本中提供`} subTitle={purpose} />
      </Card>
    </>
  );
}
