import type { ContentKind } from '../../contract/portal.ts';

export default function ItemPage(props: { kind: ContentKind; slug: string }) {
  return <p>{props.slug}</p>;
}
