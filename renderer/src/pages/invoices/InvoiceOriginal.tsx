import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Image, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { bridge, errorMessage, unwrap } from '../../bridge';
import { invoiceKeys } from './invoiceQueries';

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function PdfCanvas({ bytes, page, width }: { bytes: Uint8Array; page: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    let cancelled = false;
    void import('./pdfRender')
      .then(async ({ renderPdfPage }) => {
        if (!canvas.current || cancelled) return;
        // pdf.js takes the buffer over; give it a copy so a re-render still has the bytes.
        await renderPdfPage(bytes.slice(), page, canvas.current, width);
      })
      .catch(() => {
        if (!cancelled) setError('无法显示这份 PDF');
      })
      .finally(() => {
        if (!cancelled) setBusy(false);
      });
    return () => {
      cancelled = true;
    };
  }, [bytes, page, width]);
  if (error) return <Alert type="warning" showIcon title={error} />;
  return (
    <Spin spinning={busy}>
      <canvas
        ref={canvas}
        data-testid="invoice-pdf-canvas"
        style={{ border: '1px solid #eee', maxWidth: '100%' }}
      />
    </Spin>
  );
}

/** The invoice as uploaded: an image, the PDF page rendered with pdf.js, or a note for OFD / XML. */
export function InvoiceOriginal({
  invoiceId,
  page,
  width,
}: {
  invoiceId: string;
  page: number;
  width: number;
}) {
  const file = useQuery({
    queryKey: invoiceKeys.file(invoiceId),
    queryFn: async () => unwrap(await bridge.getInvoiceFile({ invoiceId })),
    staleTime: Infinity,
  });
  const bytes = useMemo(() => (file.data ? base64ToBytes(file.data.bytesBase64) : undefined), [file.data]);
  const imageUrl = useMemo(() => {
    if (!bytes || !file.data?.mediaType.startsWith('image/')) return undefined;
    return URL.createObjectURL(new Blob([bytes.slice().buffer], { type: file.data.mediaType }));
  }, [bytes, file.data]);
  useEffect(() => () => (imageUrl ? URL.revokeObjectURL(imageUrl) : undefined), [imageUrl]);

  if (file.isPending) return <Spin />;
  if (file.isError)
    return <Alert type="warning" showIcon title="无法取回原始文件" description={errorMessage(file.error)} />;
  if (imageUrl) return <Image src={imageUrl} alt="票据原件" width={width} data-testid="invoice-image" />;
  if (bytes && file.data.mediaType === 'application/pdf')
    return <PdfCanvas bytes={bytes} page={page} width={width} />;
  return (
    <Empty
      description={
        <Typography.Text type="secondary">
          {file.data.mediaType.includes('xml')
            ? 'XML 数电票没有版式，字段见右侧'
            : 'OFD 版式文件暂不预览，字段见右侧'}
        </Typography.Text>
      }
    />
  );
}
